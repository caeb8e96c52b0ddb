// Step 10: the live training demo. The tiny next-word model trains in a Web Worker while the
// reader watches the loss, the bank accuracy, each head's attention on a sentence, the next-word
// guesses and the embeddings moving. Config, seed, rate and step live in the URL. The drawing is
// training/view.js, the run and its worker conversation training/run.js.
import { ForkRun } from '../training/fork.js';
import { Recorder } from '../training/recorder.js';
import { TrainingRun, config } from '../training/run.js';
import { createView } from '../training/view.js';
import { whenNear } from '../when-near.js';

export default {
  name: 'training',
  title: 'training.embedTitle',   // catalogue key: the title an embed shows
  fields: ['demoHeads', 'demoD', 'demoSeed', 'demoMlp', 'demoBig', 'demoAttention', 'demoLearningRate', 'demoSteps', 'demoStep', 'demoView', 'demoFork', 'demoPace', 'demoText'],
  create(ctx) {
    let run = null;
    const recorder = new Recorder();   // the run writes it, the view (and its scrubber) reads it
    let view = null;
    const fork = new ForkRun(ctx.engine, () => view?.forkChanged());   // the comparison run
    view = createView(ctx, recorder, fork, {
      play: () => run.play(),
      pause: () => run.pause(),
      stepOnce: () => run.stepOnce(),
      startOver: () => run.startOver(),
      restore: () => run.restore(),
      exportModel: () => run.exportModel(),
      importModel: (json) => run.importModel(json),
    });
    run = new TrainingRun(ctx, view, recorder);
    return {
      element: view.element,
      follow: (state) => {
        const first = !run.shown;
        run.follow(state);
        if (first) whenNear(view.element).then(() => run.start());   // mounted: its element is in the page
        fork.follow(state, config, { replay: first });   // a link's fork is replayed at once
      },
      render: (state) => view.render(state),
    };
  },
};
