import { domAnimation } from 'framer-motion';

// Loaded after hydration by LazyMotion (components/layout/page-transition.tsx), so framer-motion's
// animation engine is not part of the first-load JavaScript.
export default domAnimation;
