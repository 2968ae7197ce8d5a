/**
 * Attribute keys come from senders, and `__proto__` is a legal one. A plain `obj[key] = value` with that
 * key sets the object's prototype instead (a string is dropped silently; an object becomes a phantom set
 * of attributes that filters see and the inspector does not). Every place that writes a sender-chosen
 * key into a plain object goes through `setOwn`, which always makes an ordinary own property.
 */
export function setOwn<T>(obj: Record<string, T>, key: string, value: NoInfer<T>): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}
