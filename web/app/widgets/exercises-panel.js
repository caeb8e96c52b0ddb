// A step's exercises as one mountable part (a section for Controller.mount): on the page, a
// collapsed <details> under the step, whose cards compute only while it is open; in an embed,
// the chosen exercise alone, open. A link to an exercise (#exercise=id) opens it.
import { h } from '../dom.js';
import { ExerciseCard } from './exercise-card.js';
import { t } from '../i18n/core.js';

// exercises: read by vocabulary.js; options: { progress, onResult, open (always open, no
// summary), linkable }
export function exercisesPanel(name, exercises, { progress, onResult, open = false, linkable = true }) {
  return {
    name,
    title: 'exercises.panelTitle',   // catalogue key
    fields: [],
    create(ctx) {
      const cards = exercises.map((exercise) => new ExerciseCard({
        exercise, ctx, progress, onResult,
        link: linkable && exercise.kind === 'challenge' ? ctx.link({ exercise: exercise.id }) : null,
      }));
      const body = cards.map((c) => c.element);
      const predictions = exercises.filter((e) => e.kind === 'predict').length;
      const element = open ? h('div', { class: 'exercises', 'data-exercises': name }, body)
        : h('details', { class: 'exercises', 'data-exercises': name },
          h('summary', {}, t('exercises.summary', { questions: t('exercises.questions', { count: predictions }), challenges: t('exercises.challenges', { count: cards.length - predictions }) })),
          body);
      let opened = null;   // the exercise a link asked for, once shown
      const draw = () => { for (const card of cards) card.render(ctx.state()); };
      if (!open) element.addEventListener('toggle', () => { if (element.open) draw(); });
      return {
        element,
        render(state) {
          const linked = cards.find((c) => c.exercise.id === state.exercise);
          if (linked && opened !== state.exercise && !open) {
            element.open = true;
            linked.element.scrollIntoView({ block: 'center' });
          }
          opened = state.exercise;
          if (open || element.open) draw();
        },
      };
    },
  };
}
