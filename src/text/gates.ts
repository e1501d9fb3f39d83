// Access gates in prose: the taxonomy gate codes a text sets (DLA, PIP, EHC plan, a card, an assessment, residence...).
import { squash } from './numbers.js';

export interface GateMatch {
  code: string;
  cue: string;
}

const GATE_PATTERNS: Array<{ code: string; re: RegExp }> = [
  { code: 'benefit_dla', re: /\b(?:(?:middle|higher|high|lower|mid)(?:\s*(?:or|and|\/)\s*(?:middle|higher|high|lower))?[\s-]+rates?\s+(?:of\s+)?(?:the\s+)?(?:care\s+component\s+(?:of\s+)?)?(?:DLA|Disability Living Allowance)|(?:DLA|Disability Living Allowance)(?:\s+at\s+the\s+(?:middle|higher|high)(?:\s+or\s+(?:higher|high))?\s+rate)?)\b/i },
  { code: 'benefit_pip', re: /\b(?:(?:enhanced|any|standard)(?:\s+rate(?:\s+of)?)?\s+(?:PIP|Personal Independence Payment)|any\s+rate\s+of\s+(?:PIP|Personal Independence Payment)|PIP|[Pp]ersonal [Ii]ndependence [Pp]ayments?)\b/ },
  // A statement of special educational needs is the plan EHC plans replaced in 2014; pages still name it.
  { code: 'ehc_plan', re: /\b(?:EHC\s?Ps?|EHC plans?|education,? health and care plans?|statements? of (?:special )?educational needs?)\b/i },
  { code: 'registration_card', re: /\b(?:Gateway Card\+?|Max Card|(?:short breaks?|leisure|access|disability) (?:card|passport|register)|passport (?:id|number)|(?:children'?s )?disability register|register(?:ed)? (?:with|on|for) (?:the |our )[^.]{0,40}?\b(?:card|register|scheme|account)\b|register(?:ed)? (?:with|for) (?:the )?short breaks\b|registration (?:card|scheme|form|number)|digital account|(?:must|need to|will need to) (?:complete|return|fill in) (?:a|an|the|your) [^.]{0,40}?\bform\b|(?:cannot|can ?not|not be able to) (?:attend|take part|book)\b[^.]{0,40}?\bif\b[^.]{0,60}?\bform (?:has|have) not been (?:completed|returned))/i },
  { code: 'professional_letter', re: /\b(?:letter|report|evidence)(?: of support)? from (?:a|an|your|their|the child'?s|the)?\s*(?:GP|SENCO|doctor|consultant|paediatrician|health visitor|school|teacher|professional|social worker|specialist|other professional)(?:(?:\s*(?:\/|,|or)\s*)(?:a |an |other )?(?:GP|SENCO|doctor|consultant|school|professional|teacher))*(?:\s+or other professional)?|\b(?:GP|SENCO|professional)(?:'s)? (?:letter|form)/i },
  { code: 'ras_score', re: /\b(?:RAS(?: questionnaire)?(?:\s*:?\s*score(?: of)?\s*(?:≥|>=|at least)?\s*\d+(?: or more| or above)?)?|resource allocation (?:system|score|questionnaire)(?: score)?)/ },
  { code: 'household_income', re: /\b(?:household income (?:is |must be |of )?(?:under|below|less than|of less than|<|up to|not exceeding|not more than)\s*£\s?[\d,]+|means[- ]tested benefits?|income[- ]related benefits?|universal credit|low[- ]income)/i },
  { code: 'social_care_assessment', re: /\b(?:social (?:care|work(?:er)?) (?:or health |\/ ?early help |or early help )?assessment|assess(?:ment|ed) by (?:a |the |our )?(?:social worker|children with disabilities team|disabled children'?s (?:team|service))|child in need assessment|assess(?:ment|ed) (?:by|from) (?:the |a )?children[’']?s social care|children[’']?s social care assessment|assessment of (?:need|their needs) (?:will be|is) (?:carried out|completed|undertaken)|needs assessment from (?:a |the )?social (?:worker|care)|(?:depend(?:s|ent)?|based) on (?:an |your child'?s |their |the child'?s )?assessed needs?|carr(?:y|ies|ied) out an? (?:needs )?assessment of (?:need|their needs|your child'?s needs)|assessment of need is (?:required|needed)|(?:requires?|need) an assessment of need|child and family assessment|assessment (?:will be|is|was) (?:carried out|completed|undertaken|done) by (?:the |a |your )?social worker|(?:must|will need to) have a social worker|referr(?:al|ed) (?:from|by) (?:a|your|their|the child'?s) social worker|(?:through|via) (?:contact with )?a social worker\b(?! (?:who )?(?:can|will|may) (?:tell|help|advise))|by contact with a social worker)/i },
  { code: 'early_help_referral', re: /\b(?:early help|multi-agency (?:referral|panel|route)|common assessment(?: framework)?|team around the family)\b/i },
  { code: 'residence', re: /\b(?:(?:are|is|be) (?:a )?[A-Z][\w'-]+(?: [A-Z][\w'-]+)? residents?\b|[Rr]esidents? (?:in|of) (?:the )?[A-Z][\w'-]+\b|[Ll]ive|[Ll]ives|[Ll]iving|[Rr]esident|[Rr]eside)s?\s+in\s+(?:the\s+)?(?:(?:county|borough|city|district|area|council'?s area)\b|[A-Z][\w&'-]+(?:[ -](?:upon|on|and|le|in)?[ -]?[A-Z][\w'-]+)*)/ },
  { code: 'diagnosis_evidence', re: /\b(?:diagnosis\b|diagnosed with|(?:has|have|with) a diagnosed (?:[\w-]+ ){0,4}?(?:disability|condition|impairment)|evidence of (?:a |their |your child'?s )?(?:disability|additional needs?|diagnosis))/i },
];
/** "without the need for a referral or a diagnosis": a diagnosis this offer does not ask for. */
const NEGATED_DIAGNOSIS = /\b(?:without (?:the need for |needing )?(?:a |any )?(?:referral or (?:a )?)?diagnosis|no (?:formal )?diagnosis (?:is )?(?:needed|required)|do(?:es)?n[o’']?t (?:need|require) (?:a |any )?(?:formal )?diagnosis)\b/gi;
/** "regardless of whether the child has a SEN Support Plan or an EHCP": a plan this offer does not ask for. */
const NEGATED_PLAN = /\b(?:regardless of whether|whether or not|with or without|do(?:es)?n[o’']?t (?:need|have to have|require)|no need (?:for|to have))\b[^.;]{0,120}?\b(?:EHC\s?Ps?|EHC plans?|education,? health(?: and)? care plans?)\b(?:\s*\(EHC\s?Ps?\))?/gi;
const PAYMENT_CARD = /\b(?:pre-?paid|payment|debit|money)\s+cards?\b/gi;
export const NEGATED_ASSESSMENT = /\b(?:do not|don[’']t|does not|doesn[’']t) (?:already )?(?:receive|get|have) [^.]{0,40}?\b(?:following|after|through) an? (?:social[- ](?:care|work) )?assessment(?: of need)?|\bnot all [^.]{0,60}?(?:require|need)s? (?:a |an )?(?:social[- ]care )?assessment|\b(?:no|without(?: an?)?|not need(?: an?)?|doesn'?t need(?: an?)?|does not need(?: an?)?|don'?t need(?: an?)?|do not need(?: an?)?|not required(?: to have)?(?: an?)?)\s+(?:a\s+|an\s+)?(?:social[- ](?:care|work(?:er)?)\s+)?assessment(?: (?:is )?(?:needed|required))?/gi;

/** The taxonomy gate codes a text sets for access, each with the phrase that matched, in the order they appear. */
/** "For more information on additional support from your local early help consultant, please contact us": who to ask, not a gate. */
const ASK_FOR_MORE = /\b(?:for (?:more|further) information|to find out more|for advice)\b[^.]*/gi;

export function parseGates(text: string): GateMatch[] {
  // A prepaid or payment card is how money is paid, not a registration card.
  const t = text.replace(ASK_FOR_MORE, (m) => '~'.repeat(m.length)).replace(NEGATED_ASSESSMENT, (m) => '~'.repeat(m.length)).replace(PAYMENT_CARD, (m) => '~'.repeat(m.length)).replace(NEGATED_DIAGNOSIS, (m) => '~'.repeat(m.length)).replace(NEGATED_PLAN, (m) => '~'.repeat(m.length));
  const hits: Array<GateMatch & { at: number }> = [];
  for (const { code, re } of GATE_PATTERNS) {
    const m = re.exec(t);
    if (m) hits.push({ code, cue: squash(text.slice(m.index, m.index + m[0].length)), at: m.index });
  }
  return hits.sort((a, b) => a.at - b.at).map(({ code, cue }) => ({ code, cue }));
}
