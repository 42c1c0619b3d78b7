/**
 * Which deposited files a browser may show inline (docs/SECURITY.md "Previews"): raster images
 * (PNG, JPEG, GIF, WebP) in an `<img>`, PDF in an `<iframe>`. Nothing else is ever served
 * inline — not SVG or HTML, which could run script on our origin. Pure: the web app imports it.
 */

/** The media types a preview may show, and how. */
export const PREVIEW_MEDIA_TYPES = {
  'image/png': 'image',
  'image/jpeg': 'image',
  'image/gif': 'image',
  'image/webp': 'image',
  'application/pdf': 'pdf',
} as const;

/** How a file of `mediaType` is previewed, or undefined when it is not. */
export function previewKind(mediaType: string): 'image' | 'pdf' | undefined {
  return Object.hasOwn(PREVIEW_MEDIA_TYPES, mediaType)
    ? PREVIEW_MEDIA_TYPES[mediaType as keyof typeof PREVIEW_MEDIA_TYPES]
    : undefined;
}

/**
 * The Content-Security-Policy of a file served inline: embeddable by our own pages only; an
 * image document may load nothing and runs sandboxed; a PDF keeps what Chromium's viewer needs
 * (its plugin frame and inline styles: `object-src 'none'` or `default-src 'none'` blank it).
 */
export function inlinePolicy(kind: 'image' | 'pdf'): string {
  return kind === 'image'
    ? "default-src 'none'; img-src 'self'; frame-ancestors 'self'; sandbox"
    : "script-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
}
