// One question with a few answers, each a radio button with a line that says what it means.
// The options page asks this way where the extension looks and when the sidebar opens.

export interface RadioChoice<V extends string> {
  value: V;
  label: string;
  hint: string;
}

interface Props<V extends string> {
  /** The radio group's name; each input's id is `${name}-${value}`. */
  name: string;
  legend: string;
  testid: string;
  choices: ReadonlyArray<RadioChoice<V>>;
  /** Null while the stored answer is still being read. */
  value: V | null;
  onPick: (value: V) => void;
}

export function RadioChoices<V extends string>({ name, legend, testid, choices, value, onPick }: Props<V>) {
  return (
    <fieldset class="choices" data-testid={testid}>
      <legend>{legend}</legend>
      {choices.map((choice) => {
        const id = `${name}-${choice.value}`;
        return (
          <div key={choice.value} class="choice">
            <input
              type="radio"
              id={id}
              name={name}
              value={choice.value}
              checked={value === choice.value}
              aria-describedby={`${id}-desc`}
              onChange={() => onPick(choice.value)}
            />
            <label for={id}>{choice.label}</label>
            <p id={`${id}-desc`} class="hint">
              {choice.hint}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
