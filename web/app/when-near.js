// "Near the viewport": within a screen's height of it. The page mounts a section when it comes
// that near (main.js), and step 10 starts its training worker then (sections/training.js).
export const NEAR = '100% 0px';

// Resolves once element is near the viewport (at once, on the next frame, if it is already).
export function whenNear(element) {
  return new Promise((resolve) => {
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      resolve();
    }, { rootMargin: NEAR });
    observer.observe(element);
  });
}
