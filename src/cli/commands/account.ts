/** `pterotray account`: who the API key belongs to. */
import type { CommandDefinition } from '../command';
import { EXIT_OK } from '../failure';
import { accountJson } from '../format/api-shapes';
import { printFields, printJson } from '../format/print';

export const accountCommand: CommandDefinition = {
  path: 'account',
  usage: '',
  summary: 'show the account the API key belongs to',
  options: ['json'],
  minArgs: 0,
  maxArgs: 0,
  async run(ctx) {
    const client = await ctx.client();
    const account = await client.getAccount({ signal: ctx.signal });
    if (ctx.options.json) {
      printJson(ctx.out.stdout, accountJson(account));
      return EXIT_OK;
    }
    const fullName = [account.firstName, account.lastName].filter((part) => part !== null && part !== '').join(' ');
    printFields(ctx.out.stdout, [
      ['username', account.username],
      ['email', account.email],
      ['name', fullName === '' ? '-' : fullName],
      ['admin', account.isAdmin ? 'yes' : 'no'],
      ['language', account.language ?? '-'],
      ['panel', client.url],
    ]);
    return EXIT_OK;
  },
};
