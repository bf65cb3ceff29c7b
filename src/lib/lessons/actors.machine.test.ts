import { describeLessonMachine } from './machine-suite';
import { lesson, machine } from './actors.machine';

describeLessonMachine({ lesson, machine });
