import { describeLessonMachine } from './machine-suite';
import { lesson, machine } from './source-criticism.machine';

describeLessonMachine({ lesson, machine });
