import type { FieldSpec } from './app-spec-schema';

/** Typed fields by their type, for the presets and the field vocabulary. */
export const f = {
  text: (id: string, label: string, required = false): FieldSpec => ({ id, label, type: 'text', required }),
  long: (id: string, label: string, required = false): FieldSpec => ({ id, label, type: 'longtext', required }),
  number: (id: string, label: string, required = false): FieldSpec => ({ id, label, type: 'number', required }),
  money: (id: string, label: string, required = false): FieldSpec => ({ id, label, type: 'money', required }),
  date: (id: string, label: string, required = false): FieldSpec => ({ id, label, type: 'date', required }),
  time: (id: string, label: string, required = false): FieldSpec => ({ id, label, type: 'time', required }),
  bool: (id: string, label: string): FieldSpec => ({ id, label, type: 'boolean', required: false }),
  rating: (id = 'rating', label = 'Rating'): FieldSpec => ({ id, label, type: 'rating', required: false }),
  tags: (id = 'tags', label = 'Tags'): FieldSpec => ({ id, label, type: 'tags', required: false }),
  url: (id: string, label: string, required = false): FieldSpec => ({ id, label, type: 'url', required }),
  image: (id: string, label: string, required = false): FieldSpec => ({ id, label, type: 'image', required }),
  choice: (id: string, label: string, options: string[]): FieldSpec => ({ id, label, type: 'choice', required: false, options }),
};
