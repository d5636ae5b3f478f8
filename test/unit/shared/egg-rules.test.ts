import { describe, expect, it } from 'vitest';
import { checkVariableValue, describeRules, parseRules, phpRegex } from '../../../src/shared/egg-rules';

// Rules from the eggs the panel seeds (pterodactyl/panel database/Seeders/eggs/**.json).
const JAR = 'required|regex:/^([\\w\\d._-]+)(\\.jar)$/';
const CASES: Array<[rules: string, value: string, failures: string[]]> = [
  [JAR, 'server.jar', []],
  [JAR, 'server.zip', ['The value format is invalid.']],
  [JAR, '', ['The value field is required.']],
  [JAR, '  paper-1.20.jar  ', []], // TrimStrings first
  ['required|integer', '25', []],
  ['required|integer', '025', ['The value must be an integer.']], // FILTER_VALIDATE_INT refuses leading zeros
  ['required|integer', '2.5', ['The value must be an integer.']],
  ['required|integer', '9223372036854775808', ['The value must be an integer.']],
  ['required|integer|between:1025,65535', '1024', ['The value must be between 1025 and 65535.']],
  ['required|integer|between:1025,65535', '65535', []],
  ['required|integer|max:128', '129', ['The value may not be greater than 128.']],
  ['nullable|url', '', []],
  ['nullable|url', 'https://example.com/pack.zip', []],
  ['nullable|url', 'example.com', ['The value format is invalid.']],
  ['nullable|string', '   ', []],
  ['required|string|max:20', 'a'.repeat(21), ['The value may not be greater than 20 characters.']],
  ['required|string|max:20', 'é'.repeat(20), []], // mb_strlen counts characters, not bytes
  ['required|string|alpha_dash', 'gm_construct', []],
  ['required|string|alpha_dash', 'gm construct', ['The value may only contain letters, numbers, and dashes.']],
  ['required|boolean', '1', []],
  ['required|boolean', 'true', ['The value field must be true or false.']], // only 0/1 as text
  ['required|string|alpha_num|size:32', 'a'.repeat(32), []],
  ['required|string|alpha_num|size:32', 'a'.repeat(31), ['The value must be 32 characters.']],
  ['required|regex:/^(\\w{1,20})$/', 'abc_1', []],
  ['required|numeric', '1e3', []],
  ['required|numeric', '0x1A', ['The value must be a number.']],
  ['required|numeric|digits_between:1,5', '123456', ['The value must be between 1 and 5 digits.']],
  ['required|in:vanilla,oxide,carbon', 'oxide', []],
  ['required|in:vanilla,oxide,carbon', 'Oxide', ['The selected value is invalid.']],
  ['required|in:1,2,3', '01', []], // PHP's loose == between numeric strings
  ['required|alpha_num|between:1,6', 'abcdefg', ['The value must be between 1 and 6 characters.']],
  ['required|string|between:3,15', 'ab', ['The value must be between 3 and 15 characters.']],
  ['nullable|regex:/^[0-9\\.\\-]+$/', '1.2-3', []],
  ['nullable|integer', '', []],
  // Not nullable and not required: null still meets `string` (present, so validatable).
  ['string|max:20', '', ['The value must be a string.']],
  ['required|string|min:3', 'ab', ['The value must be at least 3 characters.']],
];

describe('checkVariableValue', () => {
  it.each(CASES)('%s with %j', (rules, value, failures) => {
    const check = checkVariableValue(value, rules);
    expect(check.failures.map((f) => f.message)).toEqual(failures);
    expect(check.isValid).toBe(failures.length === 0);
  });

  it('leaves unknown rules to the panel and never fails on them', () => {
    const check = checkVariableValue('anything', 'required|string|starts_with:foo|uuid');
    expect(check.isValid).toBe(true);
    expect(check.unchecked).toEqual(['starts_with:foo', 'uuid']);
  });

  it('leaves a regex cut by Laravel at its | to the panel', () => {
    // explode('|') cuts `regex:/^(a|b)$/` into `regex:/^(a` and `b)$/`.
    const check = checkVariableValue('zzz', 'required|regex:/^(a|b)$/');
    expect(check.isValid).toBe(true);
    expect(check.unchecked).toEqual(['regex:/^(a', 'b)$/']);
  });

  it('stops after required fails, as an implicit rule does', () => {
    expect(checkVariableValue('', 'required|integer|min:5').failures).toEqual([{ rule: 'required', message: 'The value field is required.' }]);
  });
});

describe('parseRules and phpRegex', () => {
  it('reads in: values as CSV and regex patterns whole', () => {
    expect(parseRules('in:"a,b",c|regex:/^a,b$/')).toEqual([
      { name: 'in', params: ['a,b', 'c'], raw: 'in:"a,b",c' },
      { name: 'regex', params: ['/^a,b$/'], raw: 'regex:/^a,b$/' },
    ]);
  });

  it('turns PHP patterns with flags into RegExps, refusing what JavaScript cannot run alike', () => {
    expect(phpRegex('/^abc$/i')?.test('ABC')).toBe(true);
    expect(phpRegex('#^a/b$#')?.test('a/b')).toBe(true);
    expect(phpRegex('/\\Aabc\\z/')).toBeNull();
    expect(phpRegex('/abc/x')).toBeNull();
    expect(phpRegex('abc')).toBeNull();
  });
});

describe('describeRules', () => {
  it('says the rules in words', () => {
    expect(describeRules('required|string|max:20')).toEqual(['required', 'at most 20 characters']);
    expect(describeRules('required|integer|between:1025,65535')).toEqual(['required', 'a whole number', 'between 1025 and 65535']);
    expect(describeRules('nullable|in:1,2,3')).toEqual(['may be empty', 'one of 1, 2, 3']);
    expect(describeRules('required|uuid')).toEqual(['required', 'uuid (checked by the panel)']);
  });
});
