import { ZCRMException } from './zcrm-exception';

/** The module, record or URL does not exist. */
export class NotFoundException extends ZCRMException {}
