import type { HttpResponse } from '../../http/http-types';
import type { ZCRMRestClient } from '../rest-client';
import {
  ConditionalGet,
  ifModifiedSinceHeader,
  ItemResultJson,
  JsonObject,
  params,
  requestItems,
  segment,
} from './item-results';

/** Users: `users[?type&page&per_page]`, `users/{id}` (https://www.zoho.com/crm/developer/docs/api/v2/get-users.html). Write results come back under `users`. */

/** `users?type=` values (https://www.zoho.com/crm/developer/docs/api/v2/modules-api.html). Without a type Zoho lists all users. */
export type UserType =
  | 'AllUsers'
  | 'ActiveUsers'
  | 'DeactiveUsers'
  | 'ConfirmedUsers'
  | 'NotConfirmedUsers'
  | 'DeletedUsers'
  | 'ActiveConfirmedUsers'
  | 'AdminUsers'
  | 'ActiveConfirmedAdmins'
  | 'CurrentUser';

export interface GetUsersOptions extends ConditionalGet {
  type?: UserType;
  page?: number;
  perPage?: number;
}

export type UsersBody = { users?: JsonObject[]; info?: JsonObject };
export type UserResults = Record<string, ItemResultJson[]>;

/** `GET users?type&page&per_page`; 204 when the page is empty, 304 when nothing changed since `ifModifiedSince`. */
export function getUsers(
  client: ZCRMRestClient,
  options: GetUsersOptions = {},
): Promise<HttpResponse<UsersBody>> {
  return client.request<UsersBody>({
    path: 'users',
    params: params({ type: options.type, page: options.page, per_page: options.perPage }),
    headers: ifModifiedSinceHeader(options),
  });
}

/** `GET users/{id}`. */
export function getUser(
  client: ZCRMRestClient,
  id: string,
  options?: ConditionalGet,
): Promise<HttpResponse<UsersBody>> {
  return client.request<UsersBody>({ path: `users/${segment(id)}`, headers: ifModifiedSinceHeader(options) });
}

/** `POST users` with `{"users":[…]}`; one result per item. */
export function createUsers(client: ZCRMRestClient, items: JsonObject[]): Promise<HttpResponse<UserResults>> {
  return requestItems(client, { method: 'POST', path: 'users', body: { users: items } }, 'users');
}

/** `PUT users/{id}` with `{"users":[item]}`. */
export function updateUser(
  client: ZCRMRestClient,
  id: string,
  item: JsonObject,
): Promise<HttpResponse<UserResults>> {
  return requestItems(
    client,
    { method: 'PUT', path: `users/${segment(id)}`, body: { users: [item] } },
    'users',
  );
}

/** `PUT users` with `{"users":[{id,…}]}` (≤ 100); one result per item. */
export function updateUsers(client: ZCRMRestClient, items: JsonObject[]): Promise<HttpResponse<UserResults>> {
  return requestItems(client, { method: 'PUT', path: 'users', body: { users: items } }, 'users');
}

/** `DELETE users/{id}`. */
export function deleteUser(client: ZCRMRestClient, id: string): Promise<HttpResponse<UserResults>> {
  return requestItems(client, { method: 'DELETE', path: `users/${segment(id)}` }, 'users');
}
