/** The closed vocabularies of health records (mirrored by CHECK constraints in the migration). */
export const ALLERGY_TYPES = ['FOOD', 'DRUG', 'INSECT', 'ENVIRONMENTAL', 'LATEX'] as const;
export type AllergyType = (typeof ALLERGY_TYPES)[number];
export const ALLERGY_SEVERITIES = ['MILD', 'MODERATE', 'SEVERE', 'LIFE_THREATENING'] as const;
export type AllergySeverity = (typeof ALLERGY_SEVERITIES)[number];

export const CONDITION_STATUSES = ['ACTIVE', 'MANAGED', 'RESOLVED'] as const;
export type ConditionStatus = (typeof CONDITION_STATUSES)[number];

export const PHONE_TYPES = ['MOBILE', 'HOME', 'WORK'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

export const SCREENING_TYPES = ['VISION', 'HEARING', 'BMI', 'SCOLIOSIS'] as const;
export type ScreeningType = (typeof SCREENING_TYPES)[number];
export const SCREENING_RESULTS = ['PASS', 'REFER', 'RESCREEN'] as const;
export type ScreeningResult = (typeof SCREENING_RESULTS)[number];
export const EAR_RESULTS = ['PASS', 'FAIL'] as const;
