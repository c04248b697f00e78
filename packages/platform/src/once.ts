/** A function that computes its value on the first call and returns the same value afterwards. */
export function once<T>(create: () => T): () => T {
  let created = false;
  let value: T;
  return () => {
    if (!created) {
      value = create();
      created = true;
    }
    return value;
  };
}
