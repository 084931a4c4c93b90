import { describe, expect, it } from 'vitest';
import { initialRunForm } from './run-form.ts';
import { treeShape } from './tree-shape.ts';

describe('treeShape', () => {
  it('spells out parents, children and where the layers end', () => {
    expect(treeShape(initialRunForm('x'))).toBe('16 roots, then per layer the best 4 become parents of up to 16 new branches (4 each); layers end at 12, 24, 36 and 48 tokens.');
    expect(treeShape({ ...initialRunForm('x'), ucbMode: 'on', treebonLayers: '1' })).toMatch(/\(shared by UCB\); layers end at 48 tokens/);
  });

  it('says nothing about settings that make no tree', () => {
    expect(treeShape({ ...initialRunForm('x'), treebonChildren: '32' })).toBeNull();
    expect(treeShape({ ...initialRunForm('x'), treebonLayers: 'two' })).toBeNull();
  });
});
