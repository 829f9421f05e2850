import type { EmulatorContext } from '../../context';
import type { UserDef } from '../../state/types';
import { userNameRef } from '../metadata/render-module';

/** Personalisation Zoho reports for every user; the emulator has no UI, so these never change. */
const CUSTOMIZE_INFO = {
  notes_desc: null,
  show_right_panel: null,
  bc_view: null,
  show_home: false,
  show_detail_view: true,
  unpin_recent_item: null,
};
const THEME = {
  normal_tab: { font_color: '#FFFFFF', background: '#222222' },
  selected_tab: { font_color: '#FFFFFF', background: '#222222' },
  new_background: null,
  background: '#F3F0EB',
  screen: 'fixed',
  type: 'default',
};

/** `{name, id}` of a role or profile, as a user references them. */
export function roleRef(ctx: EmulatorContext, roleId: string): { name: string; id: string } | null {
  const role = ctx.state.roles.find((r) => r.id === roleId);
  return role ? { name: role.name, id: role.id } : null;
}

export function profileRef(ctx: EmulatorContext, profileId: string): { name: string; id: string } | null {
  const profile = ctx.state.profiles.find((p) => p.id === profileId);
  return profile ? { name: profile.name, id: profile.id } : null;
}

/** A stored user as Zoho's user JSON (docs/zoho-v2-notes.md §6.3; every key the Python SDK's `get_zcrm_user` reads). */
export function renderUser(ctx: EmulatorContext, user: UserDef): Record<string, unknown> {
  const { role, profile, created_by, Modified_By, ...fields } = user;
  return {
    ...fields,
    full_name: `${user.first_name} ${user.last_name}`.trim(),
    role: roleRef(ctx, role),
    profile: profileRef(ctx, profile),
    // [I] Users share the org's time zone, so their offset (ms from UTC) is the org's.
    offset: ctx.state.org.offset_minutes * 60_000,
    territories: [],
    Reporting_To: null,
    microsoft: false,
    customize_info: CUSTOMIZE_INFO,
    theme: THEME,
    created_by: userNameRef(ctx, created_by as string | undefined),
    Modified_By: userNameRef(ctx, Modified_By as string | undefined),
  };
}
