import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { OtpRequestBody, OtpVerifyBody, type UserView } from '#shared/contracts/auth';
import { useApi } from '../../lib/api-context.tsx';
import { TextField } from '../library/form-field.tsx';
import { authButton } from './auth-styles.ts';
import { FormAlert } from './form-alert.tsx';
import { applyServerErrors } from './server-errors.ts';

function NumberStep({ onSent }: { onSent: (phoneNumber: string) => void }) {
  const api = useApi();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(OtpRequestBody), defaultValues: { phoneNumber: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await api.auth.requestCode(values);
      onSent(values.phoneNumber);
    } catch (err) {
      setFormError(applyServerErrors(err, form.setError, ['phoneNumber']));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField
        id="phone-number"
        label="Mobile number"
        type="tel"
        autoComplete="tel"
        placeholder="+14155550123"
        hint="In international format, starting with + and the country code."
        error={errors.phoneNumber?.message}
        {...form.register('phoneNumber')}
      />
      <FormAlert message={formError} />
      <button type="submit" className={authButton.primary} disabled={isSubmitting}>
        Text me a code
      </button>
    </form>
  );
}

function CodeStep({
  phoneNumber,
  onVerified,
  onBack,
}: {
  phoneNumber: string;
  onVerified: (u: UserView) => void;
  onBack: () => void;
}) {
  const api = useApi();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(OtpVerifyBody), values: { phoneNumber, code: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onVerified(await api.auth.verifyCode(values));
    } catch (err) {
      setFormError(applyServerErrors(err, form.setError, ['code']));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <p role="status" className="text-sm text-slate-300">
        We sent a 6-digit code to <strong className="text-white">{phoneNumber}</strong>. It expires in 10 minutes.
      </p>
      <TextField
        id="phone-code"
        label="Code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        error={errors.code?.message}
        {...form.register('code')}
      />
      <FormAlert message={formError} />
      <button type="submit" className={authButton.primary} disabled={isSubmitting}>
        Verify
      </button>
      <button type="button" className={`${authButton.secondary} w-full`} onClick={onBack}>
        Use another number or send a new code
      </button>
    </form>
  );
}

/** Number, then the texted code. Used to sign in, and (signed in) to add a number to the account. */
export function PhoneCodeForm({ onVerified }: { onVerified: (user: UserView) => void | Promise<void> }) {
  const [phoneNumber, setPhoneNumber] = useState<string | null>(null);
  return phoneNumber ? (
    <CodeStep phoneNumber={phoneNumber} onVerified={(u) => void onVerified(u)} onBack={() => setPhoneNumber(null)} />
  ) : (
    <NumberStep onSent={setPhoneNumber} />
  );
}
