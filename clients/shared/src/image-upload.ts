import { gql } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { useCallback, useState } from 'react';

/*
 * Photo uploads for every client (product photos, store thumbnails, review photos): a one-time
 * ticket from `createImageUpload`, then the bytes PUT to its URL (relative: through the
 * gateway), whose JSON answer names the image key to attach.
 */

export const CREATE_IMAGE_UPLOAD = gql`
  mutation CreateImageUpload {
    createImageUpload {
      uploadUrl
      method
      maxBytes
      acceptedContentTypes
    }
  }
`;

export interface ImageUploadTicket {
  uploadUrl: string;
  method: string;
  maxBytes: number;
  acceptedContentTypes: string[];
}

/** An uploaded image: the key goes into inputs, the URL shows it. */
export interface UploadedImage {
  key: string;
  url: string;
}

/**
 * What the products service accepts today (its ticket says it again and wins): checked before
 * asking for a ticket, so a wrong file is refused at once and costs no request.
 */
export const IMAGE_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  acceptedContentTypes: ['image/jpeg', 'image/png', 'image/webp'],
} as const;

export interface ImageLimits {
  maxBytes: number;
  acceptedContentTypes: readonly string[];
}

const megabytes = (bytes: number) => Math.floor(bytes / 1024 / 1024);

/** Why a picked file cannot be uploaded, in Korean; null when it can. */
export function imageFileProblem(
  file: Pick<File, 'type' | 'size'>,
  limits: ImageLimits = IMAGE_LIMITS,
): string | null {
  if (!limits.acceptedContentTypes.includes(file.type)) {
    return 'JPG, PNG, WebP 사진만 올릴 수 있어요.';
  }
  if (file.size > limits.maxBytes) {
    return `사진은 한 장에 ${megabytes(limits.maxBytes)}MB까지 올릴 수 있어요.`;
  }
  return null;
}

const FAILED = '사진을 올리지 못했어요. 다시 시도해 주세요.';
const OFFLINE = '사진을 올리지 못했어요. 연결을 확인해 주세요.';

/**
 * PUTs the file to the ticket's URL. XMLHttpRequest rather than fetch: only it reports upload
 * progress (0 to 1). Resolves to the image, or a Korean sentence saying why not.
 */
export function putImage(
  ticket: ImageUploadTicket,
  file: File,
  onProgress?: (fraction: number) => void,
): Promise<UploadedImage | string> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(ticket.method, ticket.uploadUrl);
    xhr.setRequestHeader('content-type', file.type);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = xhr.response as Partial<UploadedImage> | null;
      if (xhr.status >= 200 && xhr.status < 300 && body?.key && body.url) {
        onProgress?.(1);
        resolve({ key: body.key, url: body.url });
      } else if (xhr.status === 413) {
        resolve(`사진은 한 장에 ${megabytes(ticket.maxBytes)}MB까지 올릴 수 있어요.`);
      } else if (xhr.status === 415) {
        resolve('사진 파일이 아니거나 손상된 파일이에요. JPG, PNG, WebP 사진을 골라 주세요.');
      } else {
        resolve(FAILED);
      }
    };
    xhr.onerror = () => resolve(OFFLINE);
    xhr.send(file);
  });
}

/**
 * Uploads photos one ticket each; `upload` resolves to the image or a Korean sentence saying
 * why not (type, size, network), never throws. `uploading` is true while any is on its way.
 */
export function useImageUpload() {
  const [ticket] = useMutation<{ createImageUpload: ImageUploadTicket }>(CREATE_IMAGE_UPLOAD);
  const [uploading, setUploading] = useState(0);

  const upload = useCallback(
    async (file: File, onProgress?: (fraction: number) => void) => {
      const early = imageFileProblem(file);
      if (early) return early;
      setUploading((n) => n + 1);
      try {
        const t = (await ticket()).data?.createImageUpload;
        if (!t) return FAILED;
        return imageFileProblem(file, t) ?? (await putImage(t, file, onProgress));
      } catch {
        return OFFLINE;
      } finally {
        setUploading((n) => n - 1);
      }
    },
    [ticket],
  );

  return { upload, uploading: uploading > 0 };
}
