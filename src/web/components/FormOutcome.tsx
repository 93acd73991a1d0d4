// The outcome of a form's last submission: its refusal, read out at once (role alert), or what it
// saved, announced politely (role status).
export function FormOutcome({ error, saved }: { error: string | null; saved?: string | null }) {
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <p className="success" role="status">
          {saved}
        </p>
      )}
    </>
  );
}
