/** German labels (Sie-form) for every string the components show. */
import type { BillingLabels } from '../labels/types';
import { statusName, type StatusNames } from './statusName';

const statusNames: StatusNames = {
  phases: {
    free: 'Kostenlos',
    trialing: 'Testphase',
    active: 'Aktiv',
    past_due: 'Zahlung überfällig',
    unpaid: 'Unbezahlt',
    canceled: 'Gekündigt',
  },
  others: { paused: 'Pausiert', incomplete: 'Unvollständig', incomplete_expired: 'Abgelaufen' },
  unknown: 'Unbekannt',
};

/**
 * Every string the components show, translated; dates come from the provider's `locale`, so pass a matching one.
 * @example <BillingProvider labels={germanLabels} locale="de-DE">
 */
export const germanLabels: BillingLabels = {
  upgrade: 'Jetzt upgraden',
  manage: 'Abrechnung verwalten',
  updatePaymentMethod: 'Zahlungsmethode aktualisieren',
  resumeWithPaymentMethod: 'Zahlungsmethode hinzufügen und fortsetzen',
  finishPayment: 'Zahlung abschließen',
  planCardTitle: 'Ihr Tarif',
  loading: 'Ihr Tarif wird geladen…',
  retry: 'Erneut versuchen',
  confirming: 'Ihr Abonnement wird bestätigt…',
  confirmingTimedOut:
    'Ihre Zahlung wird noch bestätigt. Diese Seite zeigt sie an, sobald sie eingegangen ist; ' +
    'laden Sie die Seite sonst in einer Minute neu.',
  confirmed: 'Ihr Abonnement ist aktiv.',
  noCustomer: 'Es gibt noch kein Abonnement zu verwalten. Wählen Sie einen Tarif, um eines abzuschließen.',
  planName: (description) => (description.phase === 'free' ? 'Kostenlos' : description.planName),
  status: (description) => statusName(description, statusNames),
  date: (date) => {
    switch (date.kind) {
      case 'renews':
        return `Verlängert sich am ${date.formatted}`;
      case 'trial_ends':
        return `Testphase endet am ${date.formatted}`;
      case 'access_ends':
        return `Zugang endet am ${date.formatted}`;
      case 'access_ended':
        return `Zugang endete am ${date.formatted}`;
      case 'period_ends':
        return `Aktueller Zeitraum endet am ${date.formatted}`;
    }
  },
  trialDaysLeft: (days) => (days === 1 ? 'Noch 1 Tag Testphase' : `Noch ${days} Tage Testphase`),
  price: (amount, interval) =>
    interval === 'month' ? `${amount}/Monat` : interval === 'year' ? `${amount}/Jahr` : amount,
  banner: {
    trialEnding: (days, date) =>
      `Ihre Testphase endet ${days === 0 ? 'heute' : days === 1 ? 'morgen' : `in ${days} Tagen`}` +
      `${date ? ` (${date})` : ''}. ` +
      'Hinterlegen Sie eine Zahlungsmethode, um die kostenpflichtigen Funktionen zu behalten.',
    pastDue:
      'Ihre letzte Zahlung ist fehlgeschlagen. Aktualisieren Sie Ihre Zahlungsmethode, ' +
      'um die kostenpflichtigen Funktionen weiter zu nutzen.',
    unpaid:
      'Die kostenpflichtigen Funktionen sind pausiert, weil Zahlungen fehlgeschlagen sind. ' +
      'Aktualisieren Sie Ihre Zahlungsmethode, um sie wieder zu nutzen.',
    paused:
      'Ihre Testphase ist ohne Zahlungsmethode abgelaufen, daher ist Ihr Abonnement pausiert. ' +
      'Hinterlegen Sie eine Zahlungsmethode, um es fortzusetzen.',
    incomplete:
      'Ihre erste Zahlung ist noch nicht abgeschlossen. Schließen Sie sie ab, um Ihr Abonnement zu starten.',
    canceled: (date) =>
      `Ihr Abonnement ist gekündigt. Der Zugang endet ${date ? `am ${date}` : 'zum Ende des Abrechnungszeitraums'}.`,
    ended: (date) =>
      `Ihr Abonnement ist ${date ? `am ${date} ` : ''}abgelaufen. ` +
      'Wählen Sie einen Tarif, um die kostenpflichtigen Funktionen wieder zu nutzen.',
  },
  error: (error) => {
    switch (error.code) {
      case 'unauthorized':
        return (
          'Sie sind nicht berechtigt, die Abrechnung zu verwalten. ' +
          'Melden Sie sich erneut an oder wenden Sie sich an Ihre Administration.'
        );
      case 'no_customer':
        return 'Es gibt noch kein Abonnement zu verwalten.';
      case 'already_subscribed':
        return 'Sie haben bereits ein Abonnement. Ändern Sie Ihren Tarif im Abrechnungsportal.';
      case 'invalid_request':
        return 'Der Abrechnungsdienst hat die Anfrage abgelehnt.';
      case 'rate_limited':
        return `Zu viele Anfragen an den Abrechnungsdienst. Bitte versuchen Sie es ${
          error.retryAfter
            ? `in ${error.retryAfter} ${error.retryAfter === 1 ? 'Sekunde' : 'Sekunden'}`
            : 'gleich'
        } noch einmal.`;
      case 'upstream':
        return 'Beim Abrechnungsdienst ist ein Problem aufgetreten. Bitte versuchen Sie es gleich noch einmal.';
      case 'network':
        return 'Der Abrechnungsdienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.';
      case 'timeout':
        return 'Der Abrechnungsdienst hat zu lange nicht geantwortet. Bitte versuchen Sie es erneut.';
      case 'invalid_response':
        return 'Der Abrechnungsdienst hat eine Antwort gesendet, die diese Seite nicht lesen kann.';
      case 'unsafe_redirect':
        return 'Der Abrechnungslink führt nicht zu einer vertrauenswürdigen Seite und wurde nicht geöffnet.';
    }
  },
  settings: {
    planHeading: 'Ihr Tarif',
    plansHeading: 'Tarife',
    manageHeading: 'Rechnungen und Zahlung',
    manageDescription:
      'Laden Sie Rechnungen herunter, ändern Sie die hinterlegte Karte oder kündigen Sie Ihr Abonnement ' +
      'im Abrechnungsportal.',
    manageButton: 'Rechnungen und Zahlungsdaten ansehen',
  },
};
