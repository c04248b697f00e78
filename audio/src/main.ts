import { runService } from '@discord-bot/runtime';
import { startAudio } from './start-audio.js';

await runService('audio', startAudio);
