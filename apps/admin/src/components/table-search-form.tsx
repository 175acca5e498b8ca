import { Form, type FormProps } from "antd";

/** Refine's useTable makes a search form and syncs it with the URL; a list without filters in a Form still
 * has to connect it, or antd warns "Instance created by `useForm` is not connected". Renders nothing. */
export function TableSearchForm({ formProps }: { formProps: FormProps }) {
  return <Form form={formProps.form} component={false} />;
}
