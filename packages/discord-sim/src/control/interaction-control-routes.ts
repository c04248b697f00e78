import { controlRoute, type ControlDeps, type ControlRoute } from './control-route.js';
import { isScalar, isString } from './input.js';

/** Users acting on bots: slash commands, autocomplete, component clicks, modal submits. */
export function interactionControlRoutes({ core }: ControlDeps): ControlRoute[] {
  return [
    controlRoute('POST', '/_sim/interactions', (req) => {
      const input = req.input();
      const options = input.optionalRecord('options', isScalar);
      const subcommand = input.optionalString('subcommand');
      const focused = input.optionalString('focused');
      return core.invokeCommand({
        userId: input.string('userId'),
        guildId: input.string('guildId'),
        channelId: input.string('channelId'),
        command: input.string('command'),
        ...(options === undefined ? {} : { options }),
        ...(subcommand === undefined ? {} : { subcommand }),
        ...(focused === undefined ? {} : { focused }),
      });
    }),
    controlRoute('GET', '/_sim/interactions/:interactionId', (req) =>
      core.interaction(req.params['interactionId'] ?? ''),
    ),
    controlRoute('POST', '/_sim/components', (req) => {
      const input = req.input();
      const values = input.optionalStrings('values');
      return core.clickComponent({
        userId: input.string('userId'),
        messageId: input.string('messageId'),
        customId: input.string('customId'),
        ...(values === undefined ? {} : { values }),
      });
    }),
    controlRoute('POST', '/_sim/modals', (req) => {
      const input = req.input();
      return core.submitModal({
        userId: input.string('userId'),
        interactionId: input.string('interactionId'),
        fields: input.optionalRecord('fields', isString) ?? {},
      });
    }),
  ];
}
