import { Alert, Button, Checkbox, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { isReleaseKind, type ConsentDocumentView, type SignConsentRequest } from '@lantern/core';
import type { ApiError } from '../../api/api-error';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ConsentDocumentText } from './ConsentDocumentText';
import { EMPTY_RELEASE_TERMS, ReleaseTermsFields, type ReleaseTermsDraft } from './ReleaseTermsFields';
import { SignaturePad } from './SignaturePad';

export interface SigningFormProps {
  readonly document: ConsentDocumentView;
  readonly patientName: string;
  readonly busy: boolean;
  readonly error: ApiError | null;
  readonly onSign: (request: SignConsentRequest) => void;
  readonly onReload: () => void;
}

/**
 * What the patient sees on the tablet: the whole document (as printed in the PDF), release terms
 * for a release, their typed name (the legal signature), an optional drawn signature, and the
 * acknowledgment. The button stays disabled until the required parts are there.
 */
export function SigningForm(props: SigningFormProps): React.JSX.Element {
  const { document } = props;
  const release = isReleaseKind(document.kind);
  const [typedName, setTypedName] = useState('');
  const [drawn, setDrawn] = useState<string | null>(null);
  const [agreed, setAgreed] = useState(false);
  const [terms, setTerms] = useState<ReleaseTermsDraft>(EMPTY_RELEASE_TERMS);
  const termsReady = !release || (terms.recipient.trim().length >= 2 && terms.scope.trim().length >= 3);
  const ready = typedName.trim().length >= 2 && agreed && termsReady && !props.busy;
  const fieldError = (field: string): string | undefined => props.error?.fieldError(field);
  const superseded = props.error?.code === 'superseded_version' || props.error?.code === 'document_hash_mismatch';

  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    if (!ready) return;
    props.onSign({
      documentId: document.id,
      documentHash: document.contentHash,
      typedName: typedName.trim(),
      ...(drawn ? { signatureImage: drawn } : {}),
      acknowledged: true,
      ...(release
        ? {
            release: {
              recipient: terms.recipient.trim(),
              scope: terms.scope.trim(),
              ...(terms.purpose.trim() ? { purpose: terms.purpose.trim() } : {}),
              ...(terms.expiresOn ? { expiresOn: terms.expiresOn } : {}),
            },
          }
        : {}),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Sign the consent">
      <Stack gap="lg">
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
          <ConsentDocumentText title={document.title} body={document.body} size="lg" />
          <Text size="xs" c="dimmed" mt="md" ff="monospace" style={{ wordBreak: 'break-all' }}>
            Version {document.version} · SHA-256 {document.contentHash}
          </Text>
        </Paper>
        {release ? (
          <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
            <Title order={2} fz={22} mb="md">
              What this release covers
            </Title>
            <ReleaseTermsFields
              value={terms}
              onChange={setTerms}
              errors={{ recipient: fieldError('release.recipient'), scope: fieldError('release.scope'), purpose: fieldError('release.purpose'), expiresOn: fieldError('release.expiresOn') }}
            />
          </Paper>
        ) : null}
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
          <Stack gap="lg">
            <Title order={2} fz={22}>
              Your signature
            </Title>
            <TextInput
              size="xl"
              label="Type your full name"
              description={`Typing your name is your legal signature. The clinic has you as ${props.patientName}.`}
              autoComplete="off"
              value={typedName}
              onChange={(event) => setTypedName(event.currentTarget.value)}
              maxLength={200}
              error={fieldError('typedName')}
              required
            />
            <div>
              <Text fw={500} size="lg" id="drawn-signature-label">
                Draw your signature (optional, encouraged)
              </Text>
              <Text size="sm" c="dimmed" mb="xs">
                Use your finger, a stylus or the mouse. If you cannot draw, your typed name is enough.
              </Text>
              <SignaturePad onChange={setDrawn} disabled={props.busy} />
              {fieldError('signatureImage') ? (
                <Text size="sm" c="red" mt={4} role="alert">
                  {fieldError('signatureImage')}
                </Text>
              ) : null}
            </div>
            <Checkbox
              size="lg"
              checked={agreed}
              onChange={(event) => setAgreed(event.currentTarget.checked)}
              label="I have read this document, my questions have been answered, and I agree to it."
            />
            {props.error ? (
              superseded ? (
                <Alert color="orange" title="This version can no longer be signed" role="alert">
                  <Stack gap="sm" align="flex-start">
                    <Text size="sm">{props.error.detail}</Text>
                    <Button variant="white" color="orange" onClick={props.onReload}>
                      Load the current version
                    </Button>
                  </Stack>
                </Alert>
              ) : (
                <ErrorAlert error={props.error} title="The signature was not recorded" />
              )
            ) : null}
            <Button type="submit" size="xl" leftSection={<IconSignature aria-hidden />} disabled={!ready} loading={props.busy}>
              Sign {document.title.length > 40 ? 'the document' : document.title}
            </Button>
          </Stack>
        </Paper>
      </Stack>
    </form>
  );
}
