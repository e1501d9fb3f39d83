// Email addresses, phone numbers and web addresses as pages write them.
import { describe, expect, it } from 'vitest';
import { emailOf, phoneOf, webUrlOf } from './contacts.js';

describe('contact helpers', () => {
  it('reads email, phone and website values', () => {
    expect(emailOf('mailto:club@samplebury.example?subject=Hi', 'Email us')).toBe('club@samplebury.example');
    expect(emailOf(undefined, 'Email: elmhouse@mocktown.example')).toBe('elmhouse@mocktown.example');
    expect(phoneOf('Tel: 01632 960532')).toBe('01632 960532');
    expect(phoneOf('Ask at reception')).toBeUndefined();
    expect(webUrlOf('www.mocktown-holidays.example', 'http://127.0.0.1/x')).toBe('https://www.mocktown-holidays.example/');
    expect(webUrlOf('/about', 'http://127.0.0.1/x')).toBe('http://127.0.0.1/about');
    expect(webUrlOf('javascript:void(0)', 'http://127.0.0.1/x')).toBeUndefined();
  });
});
