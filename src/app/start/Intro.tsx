export function Intro() {
  return (
    <div className="intro">
      <p>
        A small language model running in this browser writes many answers to your prompt, and a reward model
        scores them: keeping the best one is the simplest way to align a model at inference time.
      </p>
      <p>
        <b className="method-bon">Best-of-N</b> finishes every answer before judging;{' '}
        <b className="method-spr">Speculative Rejection</b> judges half-written answers and stops the unpromising
        ones early, so it reaches as good an answer for far less compute. Watch both, side by side.
      </p>
    </div>
  );
}
