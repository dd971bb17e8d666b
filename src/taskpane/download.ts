/* global Blob, URL, document, setTimeout */
/** Delivering a generated file from the pane: a Blob download, where the host allows one. */

/**
 * Excel on the web and on Windows (WebView2) honour <a download>; Excel on Mac silently ignores it
 * (office-js issues 2700, 3385, 4681, closed as by design), so the pane offers the Word route there.
 */
export function blobDownloadWorks(platform: string | undefined): boolean {
  return platform !== "Mac";
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some hosts start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
