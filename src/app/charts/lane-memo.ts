// Series cached per lane object: the run store keeps a lane's object as long as no event touched it,
// so a finished lane's series are not recomputed at each chart redraw.

export function memoByLane<L extends object, K extends string, R>(compute: (lane: L, key: K) => R): (lane: L, key: K) => R {
  const cache = new WeakMap<L, Map<K, R>>();
  return (lane, key) => {
    let byKey = cache.get(lane);
    if (!byKey) {
      byKey = new Map();
      cache.set(lane, byKey);
    }
    if (!byKey.has(key)) byKey.set(key, compute(lane, key));
    return byKey.get(key) as R;
  };
}
