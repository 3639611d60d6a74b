import { Button } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyNotice } from '../ui/EmptyNotice';
import { HOME_PATH } from './paths';

export function NotFoundPage(): React.JSX.Element {
  return (
    <EmptyNotice level={1} icon={<IconMapQuestion />} title="Page not found" description="There is nothing at this address. It may have moved, or the link may be mistyped.">
      <Button component={Link} to={HOME_PATH} variant="default">
        Go to home
      </Button>
    </EmptyNotice>
  );
}
