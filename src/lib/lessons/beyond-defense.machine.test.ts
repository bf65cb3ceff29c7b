import { describeLessonMachine } from './machine-suite';
import { lesson, machine } from './beyond-defense.machine';

describeLessonMachine({ lesson, machine });
