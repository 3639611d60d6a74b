import { Box, Divider, List, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { parseConsentMarkdown, type InlineSpan } from '@lantern/core';

function Spans({ spans }: { spans: readonly InlineSpan[] }): React.JSX.Element {
  return (
    <>
      {spans.map((span, index) => {
        let node: React.ReactNode = span.text;
        if (span.italic) node = <em>{node}</em>;
        if (span.bold) node = <strong>{node}</strong>;
        return <span key={index}>{node}</span>;
      })}
    </>
  );
}

/**
 * A consent document as the patient reads it: the same parsed blocks the signed PDF prints, rendered
 * as React elements (never as HTML, so text in a document can never run as markup).
 */
export function ConsentDocumentText(props: { title: string; body: string; size?: 'sm' | 'md' | 'lg' }): React.JSX.Element {
  const blocks = useMemo(() => parseConsentMarkdown(props.body), [props.body]);
  const size = props.size ?? 'md';
  return (
    <Box component="article" aria-label={props.title}>
      <Title order={2} fz={size === 'lg' ? 26 : 22} mb="sm">
        {props.title}
      </Title>
      {blocks.map((block, index) => {
        switch (block.type) {
          case 'heading':
            return (
              <Title key={index} order={(block.level + 2) as 3 | 4 | 5} fz={size === 'lg' ? 20 : 17} mt="md" mb={4}>
                <Spans spans={block.spans} />
              </Title>
            );
          case 'paragraph':
            return (
              <Text key={index} size={size} mb="xs">
                <Spans spans={block.spans} />
              </Text>
            );
          case 'list':
            return (
              <List key={index} type={block.ordered ? 'ordered' : 'unordered'} size={size} spacing={4} mb="sm" withPadding>
                {block.items.map((item, itemIndex) => (
                  <List.Item key={itemIndex}>
                    <Spans spans={item} />
                  </List.Item>
                ))}
              </List>
            );
          case 'rule':
            return <Divider key={index} my="md" />;
          default: {
            const unreachable: never = block;
            return unreachable;
          }
        }
      })}
    </Box>
  );
}
