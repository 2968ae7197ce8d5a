import { describe, expect, it } from 'vitest';
import { decodeText } from '../decode/test-helpers';
import { isGenAiSpan, sanitizeGenAiAttributes } from './gen-ai';

const CARD = '4242 4242 4242 4242';
const MASKED = '*'.repeat(CARD.length);

describe('gen_ai attributes are payload', () => {
  it.each([
    ['a prompt', { 'gen_ai.prompt': `pay with ${CARD}` }, { 'gen_ai.prompt': `pay with ${MASKED}` }],
    ['a list of messages', { 'gen_ai.prompt': [`card ${CARD}`, 'hello'] }, { 'gen_ai.prompt': [`card ${MASKED}`, 'hello'] }],
    ['nested maps', { 'gen_ai.completion': { role: 'assistant', content: `it is ${CARD}` } }, { 'gen_ai.completion': { role: 'assistant', content: `it is ${MASKED}` } }],
    ['a number that fails Luhn', { 'gen_ai.prompt': 'order 1234 5678 9012 3456' }, { 'gen_ai.prompt': 'order 1234 5678 9012 3456' }],
    ['other attributes left alone', { 'gen_ai.usage.input_tokens': 12, note: CARD }, { 'gen_ai.usage.input_tokens': 12, note: CARD }],
  ])('%s', (_, input, expected) => {
    expect(sanitizeGenAiAttributes(input)).toEqual(expected);
  });

  it('knows the AI spans', () => {
    expect(isGenAiSpan('kong.gen_ai')).toBe(true);
    expect(isGenAiSpan('kong.gen_ai.chat')).toBe(true);
    expect(isGenAiSpan('kong.access.plugin.ai-proxy')).toBe(false);
  });

  it('are sanitized as they are decoded, attributes and events', async () => {
    const doc = {
      resourceSpans: [
        {
          resource: { attributes: [] },
          scopeSpans: [
            {
              spans: [
                {
                  traceId: '0af7651916cd43dd8448eb211c80319c',
                  spanId: 'b7ad6b7169203331',
                  name: 'kong.gen_ai',
                  startTimeUnixNano: '1700000000000000000',
                  endTimeUnixNano: '1700000000100000000',
                  attributes: [{ key: 'gen_ai.prompt', value: { stringValue: `my card is ${CARD}` } }],
                  events: [{ name: 'gen_ai.content.completion', timeUnixNano: '1700000000050000000', attributes: [{ key: 'gen_ai.completion', value: { stringValue: `noted: ${CARD}` } }] }],
                },
              ],
            },
          ],
        },
      ],
    };
    const { traces } = await decodeText(JSON.stringify(doc));
    const span = traces[0]!.spans[0]!;
    expect(span.attributes['gen_ai.prompt']).toBe(`my card is ${MASKED}`);
    expect(span.events[0]!.attributes['gen_ai.completion']).toBe(`noted: ${MASKED}`);
  });
});
