import { describeLessonMachine } from './machine-suite';
import { lesson, machine } from './timeline.machine';

describeLessonMachine({ lesson, machine });
