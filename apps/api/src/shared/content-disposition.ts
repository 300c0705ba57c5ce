/**
 * Content-Disposition for a download (RFC 6266): an ASCII `filename="…"` for clients that know only
 * that, and the Vietnamese name as `filename*=UTF-8''…` (RFC 8187 percent-encoding), which clients
 * that know it prefer.
 */
export const attachmentDisposition = (asciiName: string, utf8Name: string): string => {
  const ascii = asciiName.replace(/[^A-Za-z0-9._-]/g, '_');
  const encoded = encodeURIComponent(utf8Name.normalize('NFC')).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
};
