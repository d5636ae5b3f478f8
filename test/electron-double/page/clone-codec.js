// Carries structured-cloneable values between a page and the launcher as JSON-safe data, so what
// crosses the double's IPC is what Electron's structured clone would carry (Map, Set, Date,
// RegExp, typed arrays, undefined, NaN, BigInt, Error) and not Playwright's narrower set.
// This file is one function expression: the launcher evaluates it in Node (vm) and pastes it into
// the page's init script, so both ends share one implementation.
/* eslint-disable-next-line @typescript-eslint/no-unused-expressions -- a bare function expression, evaluated by the launcher */
(function createCloneCodec() {
  'use strict';
  const TYPED = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];

  function toBase64(bytes) {
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  }

  function fromBase64(text) {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  }

  function encodeNumber(value) {
    if (Number.isNaN(value) || !Number.isFinite(value) || Object.is(value, -0)) return { $: 'n', v: String(Object.is(value, -0) ? '-0' : value) };
    return value;
  }

  function encodeObject(value, seen) {
    if (seen.has(value)) throw new Error('electron-double: cyclic values cannot cross the double\'s IPC');
    seen.add(value);
    try {
      if (Array.isArray(value)) return { $: 'a', v: value.map((item) => encode(item, seen)) };
      if (value instanceof Date) return { $: 'd', v: value.getTime() };
      if (value instanceof RegExp) return { $: 'r', s: value.source, f: value.flags };
      if (value instanceof Map) return { $: 'm', v: [...value].map(([k, v]) => [encode(k, seen), encode(v, seen)]) };
      if (value instanceof Set) return { $: 's', v: [...value].map((item) => encode(item, seen)) };
      if (value instanceof Error) return { $: 'e', n: value.name, m: value.message };
      if (value instanceof ArrayBuffer) return { $: 'ab', v: toBase64(new Uint8Array(value)) };
      const typed = TYPED.find((name) => typeof globalThis[name] === 'function' && value instanceof globalThis[name]);
      if (typed) return { $: 't', k: typed, v: toBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
      const fields = {};
      for (const key of Object.keys(value)) fields[key] = encode(value[key], seen);
      return { $: 'o', v: fields };
    } finally {
      seen.delete(value);
    }
  }

  function encode(value, seen = new Set()) {
    if (value === undefined) return { $: 'u' };
    if (typeof value === 'number') return encodeNumber(value);
    if (typeof value === 'bigint') return { $: 'b', v: value.toString() };
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'object') return encodeObject(value, seen);
    throw new Error('An object could not be cloned.');
  }

  function decodeTagged(value) {
    switch (value.$) {
      case 'u': return undefined;
      case 'n': return value.v === '-0' ? -0 : Number(value.v);
      case 'b': return BigInt(value.v);
      case 'a': return value.v.map(decode);
      case 'd': return new Date(value.v);
      case 'r': return new RegExp(value.s, value.f);
      case 'm': return new Map(value.v.map(([k, v]) => [decode(k), decode(v)]));
      case 's': return new Set(value.v.map(decode));
      case 'e': return Object.assign(new Error(value.m), { name: value.n });
      case 'ab': return fromBase64(value.v).buffer;
      case 't': {
        const bytes = fromBase64(value.v);
        const Typed = globalThis[value.k];
        return new Typed(bytes.buffer, 0, bytes.byteLength / Typed.BYTES_PER_ELEMENT);
      }
      default: {
        const fields = {};
        for (const key of Object.keys(value.v)) fields[key] = decode(value.v[key]);
        return fields;
      }
    }
  }

  function decode(value) {
    return value !== null && typeof value === 'object' ? decodeTagged(value) : value;
  }

  return { encode, decode };
})
