import { describeLessonMachine } from './machine-suite';
import { lesson, machine } from './scenarios.machine';

describeLessonMachine({ lesson, machine });
