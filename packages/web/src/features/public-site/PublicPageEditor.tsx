import { useState } from 'react';
import { Alert, Anchor, Button, Group, Paper, Stack, Tabs, Text, Textarea, TextInput, Typography } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { PUBLIC_PAGE_MAX_BODY, PUBLIC_PAGE_ROUTES, type PublicPage } from '@lantern/core';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { usePreview, useSavePublicPage } from './public-pages-api';

/**
 * A Markdown textarea and a preview rendered by the server. The preview's HTML comes from the same
 * renderer as the public site, which escapes raw HTML, so it is safe to show as markup here.
 */
export function PublicPageEditor({ page }: { page: PublicPage }): React.JSX.Element {
  const [title, setTitle] = useState(page.title);
  const [body, setBody] = useState(page.body);
  const [tab, setTab] = useState<string | null>('write');
  const save = useSavePublicPage(page.slug);
  const preview = usePreview();
  const dirty = title !== page.title || body !== page.body;
  const showPreview = (value: string | null): void => {
    setTab(value);
    if (value === 'preview') preview.mutate(body);
  };
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        {page.isDefault ? (
          <Alert color="blue" variant="light" title="Lantern's starter text">
            This page shows Lantern's starter text until you save your own. Read it through and make it your clinic's.
          </Alert>
        ) : null}
        <TextInput label="Title" description="Shown in the browser tab and search results; the page's own heading is the first line of the text." value={title} onChange={(event) => setTitle(event.currentTarget.value)} maxLength={120} error={save.error?.fieldError('title')} />
        <Tabs value={tab} onChange={showPreview}>
          <Tabs.List>
            <Tabs.Tab value="write">Write</Tabs.Tab>
            <Tabs.Tab value="preview">Preview</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="write" pt="sm">
            <Textarea
              label="Page text (Markdown)"
              description="# for a heading, ## for a section, - for a list, **bold**, [link text](/inquire). HTML is shown as text, not run."
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              maxLength={PUBLIC_PAGE_MAX_BODY}
              autosize
              minRows={16}
              maxRows={30}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              error={save.error?.fieldError('body')}
            />
          </Tabs.Panel>
          <Tabs.Panel value="preview" pt="sm">
            {preview.isError ? <ErrorAlert error={preview.error} title="The preview could not be shown" /> : null}
            <Paper withBorder radius="sm" p="md" mih={200} aria-label="Preview" aria-busy={preview.isPending}>
              <Typography>
                {preview.data ? <div dangerouslySetInnerHTML={{ __html: preview.data.html }} /> : <Text c="dimmed">Rendering…</Text>}
              </Typography>
            </Paper>
          </Tabs.Panel>
        </Tabs>
        {save.isError && !save.error.fieldError('title') && !save.error.fieldError('body') ? <ErrorAlert error={save.error} title="The page was not saved" /> : null}
        <Group justify="space-between">
          <Anchor href={PUBLIC_PAGE_ROUTES[page.slug].path} target="_blank" rel="noopener" size="sm">
            View {PUBLIC_PAGE_ROUTES[page.slug].path} on the public site
          </Anchor>
          <Group gap="sm">
            <Button variant="default" disabled={!dirty} onClick={() => { setTitle(page.title); setBody(page.body); }}>
              Discard changes
            </Button>
            <Button
              disabled={!dirty && !page.isDefault}
              loading={save.isPending}
              onClick={() => save.mutate({ title, body }, { onSuccess: () => notifications.show({ color: 'teal', title: 'Page saved', message: 'The public site shows it now.' }) })}
            >
              Save page
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
