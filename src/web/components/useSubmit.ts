// A form's submission to the server: busy while the request runs, then the refusal, if any,
// as a message and per field (shown by FieldError beside the field it names).
import { useCallback, useState, type FormEvent } from 'react';
import { fieldErrorsOf, type FieldErrors } from './FieldError.tsx';

export function useSubmit(action: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  /** Forgets the last refusal (a dialog opened afresh). */
  const reset = useCallback(() => {
    setFieldErrors({});
    setError(null);
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    reset();
    try {
      await action();
    } catch (failure) {
      setFieldErrors(fieldErrorsOf(failure));
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, fieldErrors, submit, reset };
}
