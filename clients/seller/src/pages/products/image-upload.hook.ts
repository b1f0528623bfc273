import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import {
  CREATE_IMAGE_UPLOAD,
  type ImageUploadTicket,
  type ProductImage,
} from './products.operations.js';

/** Uploads photos with one-time tickets (PUT /uploads/<token>, through the gateway); returns key + url. */
export function useImageUpload() {
  const [ticket] = useMutation<{ createImageUpload: ImageUploadTicket }>(CREATE_IMAGE_UPLOAD);
  const [uploading, setUploading] = useState(0);

  const upload = async (file: File): Promise<ProductImage | string> => {
    setUploading((n) => n + 1);
    try {
      const t = (await ticket()).data?.createImageUpload;
      if (!t) return '사진을 올리지 못했어요. 다시 시도해 주세요.';
      if (!t.acceptedContentTypes.includes(file.type)) {
        return 'JPG, PNG, WebP 사진만 올릴 수 있어요.';
      }
      if (file.size > t.maxBytes) {
        return `사진은 ${Math.floor(t.maxBytes / 1024 / 1024)}MB까지 올릴 수 있어요.`;
      }
      const res = await fetch(t.uploadUrl, {
        method: t.method,
        body: file,
        headers: { 'content-type': file.type },
      });
      if (!res.ok) return '사진을 올리지 못했어요. 다시 시도해 주세요.';
      const body = (await res.json()) as { key: string; url: string };
      return { key: body.key, url: body.url };
    } catch {
      return '사진을 올리지 못했어요. 연결을 확인해 주세요.';
    } finally {
      setUploading((n) => n - 1);
    }
  };

  return { upload, uploading: uploading > 0 };
}
