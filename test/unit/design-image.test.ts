import {
  decodedLength,
  designReferenceKey,
  designReferencePath,
  detectImageType,
  InvalidImageError,
  validateDesignImage,
} from '../../lambdas/domain/design-image';
import { tinyPng } from '../helpers/images';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([26, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

function refusal(fn: () => unknown): InvalidImageError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InvalidImageError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('design images', () => {
  it('detects PNG, JPEG, WebP and GIF by their bytes', () => {
    expect(detectImageType(tinyPng())).toBe('png');
    expect(detectImageType(JPEG)).toBe('jpeg');
    expect(detectImageType(GIF)).toBe('gif');
    expect(detectImageType(WEBP)).toBe('webp');
    expect(detectImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectImageType(Buffer.from('RIFF\x00\x00\x00\x00WAVE', 'latin1'))).toBeNull();
  });

  it('accepts an image whose name agrees with its content, keeping the exact bytes', () => {
    const png = tinyPng();
    const image = validateDesignImage({ base64: png.toString('base64'), filename: 'mockup.PNG', maxBytes: 10_000 });
    expect(image).toMatchObject({ type: 'png', ext: 'png', contentType: 'image/png', filename: 'mockup.PNG' });
    expect(image.bytes.equals(png)).toBe(true);
    const jpeg = validateDesignImage({
      base64: `data:image/jpeg;base64,${JPEG.toString('base64')}`,
      filename: 'a.jpeg',
      maxBytes: 100,
    });
    expect(jpeg.ext).toBe('jpg');
  });

  it('refuses a non-image with 415', () => {
    const err = refusal(() =>
      validateDesignImage({ base64: Buffer.from('hello').toString('base64'), filename: 'x.png', maxBytes: 100 }),
    );
    expect([err.httpStatus, err.code]).toEqual([415, 'UNSUPPORTED_IMAGE_TYPE']);
  });

  it('refuses a lying extension with 400', () => {
    const err = refusal(() => validateDesignImage({ base64: JPEG.toString('base64'), filename: 'photo.png', maxBytes: 100 }));
    expect([err.httpStatus, err.code]).toEqual([400, 'IMAGE_EXTENSION_MISMATCH']);
    expect(err.message).toContain('contains a JPEG image');
    expect(refusal(() => validateDesignImage({ base64: JPEG.toString('base64'), filename: 'photo', maxBytes: 100 })).code).toBe(
      'IMAGE_EXTENSION_MISMATCH',
    );
  });

  it('refuses an oversized image with 413 before decoding it', () => {
    const big = Buffer.concat([tinyPng(), Buffer.alloc(2000)]);
    expect(decodedLength(big.toString('base64'))).toBe(big.length);
    const err = refusal(() => validateDesignImage({ base64: big.toString('base64'), filename: 'big.png', maxBytes: 1000 }));
    expect([err.httpStatus, err.code]).toEqual([413, 'IMAGE_TOO_LARGE']);
    expect(err.details).toMatchObject({ limit_bytes: 1000, actual_bytes: big.length });
  });

  it('refuses text that is not base64', () => {
    expect(refusal(() => validateDesignImage({ base64: 'not base64 at all!', filename: 'x.png', maxBytes: 100 })).code).toBe(
      'IMAGE_NOT_BASE64',
    );
    expect(refusal(() => validateDesignImage({ base64: '', filename: 'x.png', maxBytes: 100 })).code).toBe('IMAGE_EMPTY');
  });

  it('cleans the name and names where the image goes', () => {
    const image = validateDesignImage({ base64: GIF.toString('base64'), filename: '../../etc/<evil>.gif', maxBytes: 100 });
    expect(image.filename).toBe('_evil_.gif');
    expect(designReferenceKey('t1', 'm-1', image.ext)).toBe('tenants/t1/missions/m-1/design-reference.gif');
    expect(designReferencePath('webp')).toBe('public/design-reference.webp');
  });
});
