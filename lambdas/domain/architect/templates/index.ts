import type { AppKindId } from '../catalog';
import type { AppSpec, GeneratedFile, KindTemplate } from './app-spec';
import { boardTemplate } from './board';
import { calculatorTemplate } from './calculator';
import { clockTemplate } from './clock';
import { colorTemplate } from './color';
import { converterTemplate } from './converter';
import { devtoolsTemplate } from './devtools';
import { drawingTemplate } from './drawing';
import { feedTemplate } from './feed';
import { gameTemplate } from './game';
import { notesTemplate } from './notes';
import { pageTemplate } from './page';
import { randomizerTemplate } from './randomizer';
import { assembleApp } from './shared';
import { tasksTemplate } from './tasks';
import { timerTemplate } from './timer';
import { typingTemplate } from './typing';
import { wordcountTemplate } from './wordcount';

export type { AppSpec, GeneratedFile } from './app-spec';

const KIND_TEMPLATES: Readonly<Record<AppKindId, (spec: AppSpec) => KindTemplate>> = {
  calculator: calculatorTemplate,
  tasks: tasksTemplate,
  notes: notesTemplate,
  timer: timerTemplate,
  converter: converterTemplate,
  feed: feedTemplate,
  board: boardTemplate,
  randomizer: randomizerTemplate,
  wordcount: wordcountTemplate,
  game: gameTemplate,
  color: colorTemplate,
  typing: typingTemplate,
  clock: clockTemplate,
  drawing: drawingTemplate,
  devtools: devtoolsTemplate,
  page: pageTemplate,
};

/** Every file of the app described by `spec`, in a fixed order. Pure: equal specs give equal files. */
export function renderAppFiles(spec: AppSpec): GeneratedFile[] {
  return assembleApp(spec, KIND_TEMPLATES[spec.kind](spec));
}
