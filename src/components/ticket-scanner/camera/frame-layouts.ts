/**
 * The VideoFrame layouts the decoder worker reads its luminance from without drawing the frame
 * (barcode-decoder.zxing.ts); the page sends a frame of another layout as an ImageBitmap instead.
 */

/** Layouts whose first plane is the luminance, a byte per pixel (what cameras give). */
export const Y_PLANE_FORMATS: ReadonlySet<string> = new Set(['I420', 'I420A', 'I422', 'I444', 'NV12']);

/** Where red, green and blue are in each 4-byte pixel of the RGB layouts (a canvas's stream). */
export const RGB_ORDER: Readonly<Record<string, readonly [number, number, number]>> = { RGBA: [0, 1, 2], RGBX: [0, 1, 2], BGRA: [2, 1, 0], BGRX: [2, 1, 0] };

/** Whether the worker can read a frame of this layout straight from its planes. */
export const readableLayout = (format: string | null): boolean => !!format && (Y_PLANE_FORMATS.has(format) || format in RGB_ORDER);
