import { useEffect, useRef, useState } from 'react';
import { mayCall } from '../../../shared/contract/access';
import type { EnrolmentView } from '../../../shared/domain/activities';
import { useApi } from '../../app/api';
import { useSession } from '../../app/desk';
import { BookChildrenDialog } from './BookChildrenDialog';

/**
 * On an activity's enrolments: once a mother is enrolled here, her children are offered the
 * childcare of every session (the dialog opens if she has any child to book). Mounted by one
 * line of the enrolments section; it watches the list it is given, so the activity's own
 * code stays as it was.
 */
export function BookChildrenAfterEnrolment({ activityId, enrolments }: { activityId: number; enrolments: readonly EnrolmentView[] }) {
  const api = useApi();
  const { user } = useSession();
  const books = mayCall(user, 'childcare.bookForActivity');
  // Those enrolled when the page opened are not offered again.
  const known = useRef<Set<number> | null>(null);
  const [mother, setMother] = useState<number | null>(null);
  useEffect(() => {
    const current = enrolments.filter((e) => e.withdrawnAtWall === null);
    if (known.current === null) {
      known.current = new Set(current.map((e) => e.id));
      return;
    }
    const fresh = current.filter((e) => !known.current?.has(e.id));
    for (const e of fresh) known.current.add(e.id);
    const enrolled = fresh.at(-1);
    if (!books || !enrolled) return;
    let still = true;
    void api.children.ofMother({ visitorId: enrolled.visitorId }).then((result) => {
      if (still && result.ok && result.value.some((c) => !c.anonymised)) setMother(enrolled.visitorId);
    });
    return () => {
      still = false;
    };
  }, [api, books, enrolments]);
  return <BookChildrenDialog opened={mother !== null} motherId={mother ?? 0} activityId={activityId} onClose={() => setMother(null)} />;
}
