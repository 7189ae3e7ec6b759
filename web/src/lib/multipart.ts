// A report with photos as multipart/form-data, built by hand so that every try sends the very
// same bytes: the server knows a retry by its Idempotency-Key and a hash of the body, and
// FormData would draw a new random boundary each time (a retry would then look like another
// report under a used key). The boundary is made from the key.
export interface ReportBody {
  body: Blob | string;
  contentType: string;
}

export function reportBody(key: string, json: string, photos: Blob[]): ReportBody {
  if (photos.length === 0) return { body: json, contentType: 'application/json' };
  const boundary = `sigap-${key.replace(/[^0-9A-Za-z]/g, '')}`;
  const parts: BlobPart[] = [
    `--${boundary}\r\nContent-Disposition: form-data; name="complaint"\r\nContent-Type: application/json\r\n\r\n`,
    json,
  ];
  photos.forEach((photo, i) => {
    parts.push(
      `\r\n--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="foto-${i + 1}.jpg"\r\n` +
        `Content-Type: ${photo.type || 'image/jpeg'}\r\n\r\n`,
      photo,
    );
  });
  parts.push(`\r\n--${boundary}--\r\n`);
  return { body: new Blob(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
