"""The completion rule of a module, wherever it is played (progress.js computes the score):
the share of its video time really played, from 0 to 100; 90 completes it. The SCORM manifest's
mastery score and the grade sent to an LTI platform both say the same."""

MASTERY_SCORE = 90
