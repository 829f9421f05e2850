/**
 * True for the loopback addresses the admin routes answer: 127.0.0.0/8, ::1, and 127.x seen through an
 * IPv4-mapped IPv6 socket. Everything else (including a missing address) is refused.
 */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  if (v4 === '::1' || v4 === '0:0:0:0:0:0:0:1') return true;
  const octets = v4.split('.');
  return (
    octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255)
  );
}
