/**
 * Saves a blob as a file the way the app saves its exports (the PNG of a trace, the insights' CSV): a
 * download, which the desktop build turns into a save dialog and browser mode into the browser's download.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
