import { useCallback, useEffect, useRef, useState } from 'react';
import { imageFileProblem, useImageUpload } from '@bloom/client-shared';
import { REVIEW_LIMITS } from './review.operations.js';

export interface ReviewPhoto {
  id: string;
  name: string;
  /** A local preview (object URL) until the upload answers, then still the same picture. */
  preview: string;
  status: 'uploading' | 'done' | 'error';
  /** 0 to 1 while uploading. */
  progress: number;
  key?: string;
  error?: string;
  file: File;
}

/**
 * The photos of a review being written: each picked file is checked (type, size, count) and
 * uploaded at once with its own progress; a failed one can be retried or removed.
 */
export function useReviewPhotos() {
  const { upload } = useImageUpload();
  const [photos, setPhotos] = useState<ReviewPhoto[]>([]);
  const [refused, setRefused] = useState<string[]>([]);
  const previews = useRef(new Set<string>());

  // Object URLs hold the file in memory until revoked: let them go with the page.
  useEffect(() => {
    const urls = previews.current;
    return () => urls.forEach((url) => URL.revokeObjectURL(url));
  }, []);

  const patch = useCallback(
    (id: string, change: Partial<ReviewPhoto>) =>
      setPhotos((all) => all.map((p) => (p.id === id ? { ...p, ...change } : p))),
    [],
  );

  const send = useCallback(
    async (photo: ReviewPhoto) => {
      patch(photo.id, { status: 'uploading', progress: 0, error: undefined });
      const result = await upload(photo.file, (progress) => patch(photo.id, { progress }));
      if (typeof result === 'string') patch(photo.id, { status: 'error', error: result });
      else patch(photo.id, { status: 'done', progress: 1, key: result.key });
    },
    [patch, upload],
  );

  const add = (files: readonly File[], taken: number) => {
    const problems: string[] = [];
    const room = REVIEW_LIMITS.photos - taken;
    const fresh: ReviewPhoto[] = [];
    for (const file of files) {
      const problem = imageFileProblem(file);
      if (problem) {
        problems.push(`‘${file.name}’ — ${problem}`);
        continue;
      }
      if (fresh.length >= room) {
        problems.push(`사진은 ${REVIEW_LIMITS.photos}장까지 올릴 수 있어요.`);
        break;
      }
      const preview = URL.createObjectURL(file);
      previews.current.add(preview);
      fresh.push({
        id: crypto.randomUUID(),
        name: file.name,
        preview,
        status: 'uploading',
        progress: 0,
        file,
      });
    }
    setRefused(problems);
    if (fresh.length === 0) return;
    setPhotos((all) => [...all, ...fresh]);
    for (const photo of fresh) void send(photo);
  };

  const remove = (id: string) => {
    setRefused([]);
    setPhotos((all) => all.filter((p) => p.id !== id));
  };

  const retry = (id: string) => {
    const photo = photos.find((p) => p.id === id);
    if (photo) void send(photo);
  };

  return {
    photos,
    refused,
    add: (files: readonly File[]) => add(files, photos.length),
    remove,
    retry,
    keys: photos.flatMap((p) => (p.key ? [p.key] : [])),
    uploading: photos.some((p) => p.status === 'uploading'),
    failed: photos.some((p) => p.status === 'error'),
  };
}
