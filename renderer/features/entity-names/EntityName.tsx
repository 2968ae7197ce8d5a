/**
 * A route, service, consumer or upstream shown by its name, with its id on hover (and in the copy the
 * caller offers). Until a name is known, or when the entity has none, the id itself shows: a view never
 * waits for a lookup.
 */
import type { EntityKind, EntityNames } from '../../../shared/konnect/types';
import { useSession } from '../../db/repo';
import { useStore } from '../../store';
import { namesOf } from './entity-names';
import './entity-names.css';

/** The names kept with a session (the selected one unless given). */
export function useEntityNames(sessionId?: string | null): EntityNames {
  const selected = useStore((s) => s.sessionId);
  const row = useSession(sessionId === undefined ? selected : sessionId);
  return namesOf(row?.meta);
}

/** `name` given: shown as is (null or undefined: the id). Otherwise looked up in the selected session. */
export function EntityName({ kind, id, name }: { kind: EntityKind; id: string; name?: string | null }) {
  if (name !== undefined) return <Shown kind={kind} id={id} name={name} />;
  return <Looked kind={kind} id={id} />;
}

function Looked({ kind, id }: { kind: EntityKind; id: string }) {
  const names = useEntityNames();
  return <Shown kind={kind} id={id} name={names[kind]?.[id] ?? null} />;
}

function Shown({ kind, id, name }: { kind: EntityKind; id: string; name: string | null }) {
  if (!name) return <span className="mono">{id}</span>;
  return (
    <span className="entity-name" title={`${kind} id ${id}`} data-entity-id={id}>
      {name}
    </span>
  );
}
