import { useState } from 'react';
import { Badge, Grid, NavLink, Paper, Text } from '@mantine/core';
import { PUBLIC_PAGE_SLUGS, type PublicPageSlug } from '@lantern/core';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { useSession } from '../../app/session-context';
import { formatShortDateTime } from '../../ui/time';
import { PublicPageEditor } from './PublicPageEditor';
import { usePublicPage, usePublicPages } from './public-pages-api';

/** The admin's list of public program pages and an editor for the chosen one. */
export function PublicPagesPage(): React.JSX.Element {
  const session = useSession();
  const pages = usePublicPages();
  const [slug, setSlug] = useState<PublicPageSlug>('home');
  const page = usePublicPage(slug);
  return (
    <>
      <PageHeader title="Public pages" description="The program pages anyone can read at the site's address, and the introduction to the inquiry form. Written in Markdown." />
      {pages.isError ? <ErrorAlert error={pages.error} title="The pages could not be loaded" onRetry={() => void pages.refetch()} /> : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, sm: 4, md: 3 }}>
          <Paper withBorder radius="md" p="xs" component="nav" aria-label="Public pages">
            {(pages.data ?? PUBLIC_PAGE_SLUGS.map((s) => ({ slug: s, title: s, path: '', isDefault: true, updatedAt: null, updatedBy: null }))).map((item) => (
              <NavLink
                key={item.slug}
                label={item.title}
                description={item.updatedAt ? `Edited ${formatShortDateTime(item.updatedAt, session.clinic.timeZone)}` : item.path}
                rightSection={item.isDefault ? <Badge size="xs" variant="light" tt="none">Starter</Badge> : null}
                active={item.slug === slug}
                aria-current={item.slug === slug ? 'page' : undefined}
                onClick={() => setSlug(item.slug)}
              />
            ))}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8, md: 9 }}>
          {page.isPending ? <Loading label="Opening page…" /> : null}
          {page.isError ? <ErrorAlert error={page.error} title="The page could not be opened" onRetry={() => void page.refetch()} /> : null}
          {page.data ? <PublicPageEditor key={`${page.data.slug}-${page.data.updatedAt ?? 'default'}`} page={page.data} /> : null}
          {pages.data ? null : <Text size="xs" c="dimmed" mt="xs">Loading the list of pages…</Text>}
        </Grid.Col>
      </Grid>
    </>
  );
}
