/** Calls an emulator admin route (`/__emulator/<route>`) and answers its JSON; a non-2xx answer throws. */
export async function emulatorAdmin(
  url: string,
  method: string,
  route: string,
  body?: unknown,
): Promise<any> {
  const res = await fetch(`${url}/__emulator/${route}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${route}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}
